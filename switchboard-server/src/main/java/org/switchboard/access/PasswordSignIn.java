package org.switchboard.access;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.switchboard.crm.CrmException;
import org.switchboard.platform.errors.Refusal;

/**
 * Email and password, for the sign-in form and HTTP Basic alike: refused without a password check while the account
 * or the client address is throttled ({@link SignInThrottle}); a password recently verified for the same stored
 * hash is not run through bcrypt again ({@link CheckedPasswords}); a user store that cannot be reached is reported
 * as such, not as a wrong password.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

	/**
	 * An unknown user costs one bcrypt too, so timing does not tell which emails have accounts: this hash of "no user has
	 * this password" has the cost of {@link PasswordConfiguration}'s encoder (10). A constant, because encoding it at
	 * start-up cost a second of the start on a busy machine (bcrypt runs interpreted that early).
	 */
	static final String UNKNOWN_USER_HASH = "$2a$10$Ca7Za2rsrO8U1wopNfQ.R.3.Gc5kNWFnITI280L/k52BoF19azeiy";

	private final UserDirectory users;
	private final PasswordEncoder encoder;
	private final SignInThrottle throttle;
	private final CheckedPasswords checked;

	PasswordSignIn(UserDirectory users, PasswordEncoder encoder, SignInThrottle throttle, CheckedPasswords checked) {
		this.users = users;
		this.encoder = encoder;
		this.throttle = throttle;
		this.checked = checked;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		String password = String.valueOf(attempt.getCredentials());
		String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		long wait = throttle.waitSeconds(username, address);
		if (wait > 0) {
			throw new SignInThrottled(wait);
		}
		SwitchboardUser user = find(username);
		boolean matches = user != null && (checked.matches(username, password, user.getPassword())
				|| encoder.matches(password, user.getPassword()));
		if (user == null) {
			encoder.matches(password, UNKNOWN_USER_HASH);
		}
		if (!matches) {
			throttle.failed(username, address);
			throw new BadCredentialsException("Invalid email or password");
		}
		checked.remember(username, password, user.getPassword());
		if (!user.isEnabled()) {
			throw new DisabledException("This user is deactivated");
		}
		throttle.succeeded(username);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	private SwitchboardUser find(String username) {
		try {
			return users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException unknown) {
			return null;
		}
		catch (DataAccessException | TransactionException unreachable) {
			throw new InternalAuthenticationServiceException("Sign-in is temporarily unavailable", unreachable);
		}
		catch (CrmException refused) {
			// A remote CRM (Salesforce) that is down or disconnected: the users cannot be read, which is no wrong password.
			if (refused.refusal() != Refusal.UNAVAILABLE) {
				throw refused;
			}
			throw new InternalAuthenticationServiceException("Sign-in is temporarily unavailable", refused);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
