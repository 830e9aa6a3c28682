package dev.writ.sample.billing;

import dev.writ.resourceserver.OrgRole;
import dev.writ.resourceserver.RequireOrgRole;
import dev.writ.resourceserver.WritPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The billing summary of the caller's organization, for its owners only: billing is what
 * distinguishes an owner from an admin.
 */
@RestController
class BillingController {

	// One round trip; an organization without a recorded plan is on the free one.
	private static final String SUMMARY = """
			SELECT coalesce((SELECT plan FROM organization_plan WHERE organization_id = :organization), 'free') AS plan,
			       (SELECT count(*) FROM project WHERE organization_id = :organization) AS projects""";

	private final DatabaseClient database;

	BillingController(DatabaseClient database) {
		this.database = database;
	}

	@GetMapping("/billing")
	@RequireOrgRole(OrgRole.OWNER)
	Mono<BillingSummary> billing(@AuthenticationPrincipal WritPrincipal caller) {
		return Mono.fromSupplier(caller::requireOrganization)
			.flatMap((organization) -> this.database.sql(SUMMARY)
				.bind("organization", organization)
				.map((row) -> new BillingSummary(organization, row.get("plan", String.class),
						row.get("projects", Long.class)))
				.one());
	}

}
