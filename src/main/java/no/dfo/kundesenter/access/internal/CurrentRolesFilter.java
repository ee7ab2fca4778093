package no.dfo.kundesenter.access.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import no.dfo.kundesenter.access.PortalUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes roles count per request rather than per login: replaces the principal kept in the
 * session with the person as the database knows them now. A person who was disabled or
 * removed is signed out; a person with no role is sent to "Bestille tilgang" from every
 * page but that one.
 */
class CurrentRolesFilter extends OncePerRequestFilter {

	static final String ORDER_ACCESS_PATH = "/tilgang";

	private final PortalUsers users;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	CurrentRolesFilter(PortalUsers users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalUserDetails signedIn)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<PortalUser> current = this.users.current(signedIn.getUser().id());
		if (current.isEmpty()) {
			this.contexts.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			chain.doFilter(request, response);
			return;
		}
		PortalUserDetails fresh = new PortalUserDetails(current.get(), null, true);
		SecurityContext context = this.contexts.createEmptyContext();
		var refreshed = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
		refreshed.setDetails(authentication.getDetails());
		context.setAuthentication(refreshed);
		this.contexts.setContext(context);
		request.setAttribute(PortalUser.REQUEST_ATTRIBUTE, current.get());
		if (current.get().roles().isEmpty() && !mayBeUsedWithoutRole(request)) {
			response.sendRedirect(request.getContextPath() + ORDER_ACCESS_PATH);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean mayBeUsedWithoutRole(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(ORDER_ACCESS_PATH) || path.startsWith(ORDER_ACCESS_PATH + "/") || path.equals("/profil")
				|| path.startsWith("/profil/") || path.equals("/logout") || path.equals("/login")
				|| path.equals("/tilgjengelighet") || path.equals("/error") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/favicon") || path.startsWith("/actuator/health");
	}

}
