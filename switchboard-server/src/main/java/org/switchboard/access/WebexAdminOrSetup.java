package org.switchboard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Webex Admins, and a session signed in with the setup code while no CRM org is connected (ADR 0031): for the CRM
 * connection's endpoints only. Others get a 403.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyAuthority('Webex_Admin', 'Switchboard_Setup')")
public @interface WebexAdminOrSetup {
}
