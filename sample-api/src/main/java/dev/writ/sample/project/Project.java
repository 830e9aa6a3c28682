package dev.writ.sample.project;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A project of one organization.
 *
 * @param id assigned by the database on insert
 * @param organizationId the organization (the {@code org} claim of the token that created
 * it)
 * @param name what people call it
 * @param createdBy the {@code sub} of the token that created it
 * @param createdAt when it was created
 */
@Table("project")
public record Project(@Id @Nullable UUID id, @Column("organization_id") String organizationId, String name,
		@Column("created_by") String createdBy, @Column("created_at") Instant createdAt) {

}
