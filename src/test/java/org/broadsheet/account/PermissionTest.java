package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.access.AccessDeniedException;

/** The permission policy, role by role: each role has what the roles before it have. */
class PermissionTest {

	@ParameterizedTest
	@CsvSource(textBlock = """
			CONTRIBUTOR,   PUBLISH_OWN,            false
			AUTHOR,        PUBLISH_OWN,            true
			AUTHOR,        EDIT_ANY_ARTICLE,       false
			EDITOR,        EDIT_ANY_ARTICLE,       true
			AUTHOR,        MODERATE_COMMENTS,      false
			EDITOR,        MODERATE_COMMENTS,      true
			AUTHOR,        EDIT_PEOPLE_AND_TOPICS, false
			EDITOR,        EDIT_PEOPLE_AND_TOPICS, true
			EDITOR,        MANAGE_ACCOUNTS,        false
			ADMINISTRATOR, MANAGE_ACCOUNTS,        true
			ADMINISTRATOR, PUBLISH_OWN,            true
			""")
	void eachRoleHasWhatTheRolesBeforeItHave(Role role, Permission permission, boolean allowed) {
		var actor = new Account(1, "someone@example.org", "Someone", role, Instant.EPOCH);
		assertThat(permission.allows(actor)).isEqualTo(allowed);
		if (allowed) {
			permission.require(actor);
		}
		else {
			assertThatThrownBy(() -> permission.require(actor)).isInstanceOf(AccessDeniedException.class)
				.hasMessageStartingWith("Only ");
		}
	}

}
