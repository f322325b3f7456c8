package org.broadsheet.newsletter.admin;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVRecord;

/**
 * The services whose subscriber exports an import reads, recognised by their header row
 * (names compared case-insensitively), and how each says that a row consented to e-mail.
 * A row without that consent is skipped: an address nobody agreed to receive mail at is
 * not kept.
 */
enum CsvSource {

	/**
	 * Mailchimp's audience export ({@code subscribed_members_export_….csv}:
	 * {@code Email Address,First Name,Last Name,…,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,…}).
	 * Consented: an opt-in or confirmation time, in a file of subscribed members (the
	 * unsubscribed and cleaned exports carry {@code UNSUB_TIME} or {@code CLEAN_TIME}).
	 */
	MAILCHIMP("Mailchimp audience export", "Email Address", "OPTIN_TIME") {

		@Override
		String name(Function<String, String> value) {
			return (value.apply("First Name") + " " + value.apply("Last Name")).strip();
		}

		@Override
		String created() {
			return "OPTIN_TIME";
		}

		@Override
		String consentColumn(Function<String, String> value) {
			if (!value.apply("UNSUB_TIME").isEmpty() || !value.apply("CLEAN_TIME").isEmpty()) {
				return null;
			}
			return !value.apply("CONFIRM_TIME").isEmpty() ? "CONFIRM_TIME"
					: !value.apply("OPTIN_TIME").isEmpty() ? "OPTIN_TIME" : null;
		}

	},

	/**
	 * Ghost's members export ({@code id,email,name,note,subscribed_to_emails,
	 * complimentary_plan,stripe_customer_id,created_at,deleted_at,labels,tiers}).
	 * Consented: {@code subscribed_to_emails} is {@code true}, and not deleted.
	 */
	GHOST("Ghost members export", "email", "subscribed_to_emails") {

		@Override
		String consentColumn(Function<String, String> value) {
			return value.apply("deleted_at").isEmpty() && yes(value.apply("subscribed_to_emails"))
					? "subscribed_to_emails" : null;
		}

	},

	/**
	 * Substack's subscriber export ({@code email,active_subscription,expiry,plan,
	 * email_disabled,created_at,…}). Consented: {@code email_disabled} is not
	 * {@code true}.
	 */
	SUBSTACK("Substack subscriber export", "email", "email_disabled") {

		@Override
		String consentColumn(Function<String, String> value) {
			return yes(value.apply("email_disabled")) ? null : "email_disabled";
		}

	},

	/**
	 * A plain file: {@code email,name}, optionally {@code created_at} and
	 * {@code consented}. Consented: {@code consented} is {@code true}, {@code yes} or
	 * {@code 1}; a file without that column says nothing of consent, so its rows are
	 * skipped.
	 */
	PLAIN("CSV file", "email", "email") {

		@Override
		String consentColumn(Function<String, String> value) {
			return yes(value.apply("consented")) ? "consented" : null;
		}

	};

	private final String service;

	private final String email;

	private final String marker;

	CsvSource(String service, String email, String marker) {
		this.service = service;
		this.email = email;
		this.marker = marker;
	}

	/**
	 * @param headers the header row, lower-cased
	 * @return the source whose export has this header, or null
	 */
	static CsvSource of(Set<String> headers) {
		for (CsvSource source : values()) {
			if (headers.contains(source.email.toLowerCase(Locale.ROOT))
					&& headers.contains(source.marker.toLowerCase(Locale.ROOT))) {
				return source;
			}
		}
		return null;
	}

	/**
	 * @return what the consent record calls the file, e.g. {@code Ghost members export}
	 */
	String service() {
		return service;
	}

	/**
	 * @return the header of the address column
	 */
	String email() {
		return email;
	}

	/**
	 * @param value a column's trimmed value in the row by header ("" when absent)
	 */
	String name(Function<String, String> value) {
		return value.apply("name");
	}

	/**
	 * @return the header of the column with the date the subscriber joined
	 */
	String created() {
		return "created_at";
	}

	/**
	 * @param value a column's trimmed value in the row by header ("" when absent)
	 * @return the column that says the row consented, or null when it did not
	 */
	abstract String consentColumn(Function<String, String> value);

	/**
	 * @return a column's trimmed value, "" when the column is absent or empty
	 */
	static String value(CSVRecord record, String header) {
		return record.isMapped(header) && record.isSet(header) ? record.get(header).strip() : "";
	}

	private static boolean yes(String value) {
		return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equals("1");
	}

}
