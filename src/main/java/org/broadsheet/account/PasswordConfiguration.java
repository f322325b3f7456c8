package org.broadsheet.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, for the web application and for the {@code user} command alike. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * bcrypt today, behind a prefix ({@code {bcrypt}}) so that another scheme can follow.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
