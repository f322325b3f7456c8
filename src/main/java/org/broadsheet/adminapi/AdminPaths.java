package org.broadsheet.adminapi;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.shared.NotFound;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Where the Admin API lives; any other address under it answers a 404 problem detail (not
 * the readers' error page).
 */
@RestController
@Hidden
class AdminPaths {

	/** The base path of version 1; every endpoint is under it. */
	static final String BASE = "/api/admin/v1";

	@RequestMapping(BASE + "/**")
	void unknown(HttpServletRequest request) {
		throw new NotFound("resource", request.getRequestURI());
	}

}
