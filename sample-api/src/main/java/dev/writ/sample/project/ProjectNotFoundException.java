package dev.writ.sample.project;

/**
 * No project with this id in the caller's organization. Another organization's project is
 * "not found" too, so that a caller cannot learn which ids exist elsewhere.
 */
final class ProjectNotFoundException extends RuntimeException {

	ProjectNotFoundException(String id) {
		super("no project " + id + " in your organization");
	}

}
