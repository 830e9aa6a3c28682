package dev.writ.sample.project;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A deployment of a project's version to an environment.
 *
 * @param id assigned by the database on insert
 * @param projectId the project deployed
 * @param environment where it went
 * @param version what went there
 * @param requestedBy the {@code sub} of the token that requested it
 * @param createdAt when it was requested
 */
@Table("deployment")
public record Deployment(@Id @Nullable UUID id, @Column("project_id") UUID projectId, String environment,
		String version, @Column("requested_by") String requestedBy, @Column("created_at") Instant createdAt) {

}
