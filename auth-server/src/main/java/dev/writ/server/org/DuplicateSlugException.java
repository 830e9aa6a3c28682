package dev.writ.server.org;

/** An organization's slug that another organization has already. */
public final class DuplicateSlugException extends RuntimeException {

	DuplicateSlugException(String slug) {
		super("the slug '" + slug + "' is taken", null, false, false);
	}

}
