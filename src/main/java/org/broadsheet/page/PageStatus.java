package org.broadsheet.page;

import java.util.Locale;

import org.broadsheet.shared.InvalidInput;

/** Whether readers see a page: a draft has no public address. */
public enum PageStatus {

	/** Only the newsroom sees it; its address answers 404. */
	DRAFT,

	/** Readers see it at its address, and in the footer when it is shown there. */
	PUBLISHED;

	/**
	 * @return the stored form, e.g. {@code published}
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param code a stored or typed form, e.g. {@code draft}
	 * @throws InvalidInput naming the field {@code status} for anything else
	 */
	public static PageStatus ofCode(String code) {
		for (PageStatus status : values()) {
			if (status.code().equals(code == null ? "" : code.strip().toLowerCase(Locale.ROOT))) {
				return status;
			}
		}
		throw new InvalidInput("status", "page.invalid.status", String.valueOf(code));
	}

}
