package dev.writ.sample.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /projects/{id}/deployments}.
 *
 * @param environment one of {@code development}, {@code staging}, {@code production}
 * @param version the version to deploy, e.g. {@code 1.4.2}
 */
record NewDeployment(
		@NotBlank @Pattern(regexp = "development|staging|production",
				message = "must be development, staging or production") String environment,
		@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._+-]*",
				message = "must be letters, digits and . _ + -") String version) {

}
