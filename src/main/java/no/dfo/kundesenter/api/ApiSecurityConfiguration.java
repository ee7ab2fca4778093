package no.dfo.kundesenter.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

import no.dfo.kundesenter.access.ApiAgencies;
import no.dfo.kundesenter.access.PortalUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The API's own security, apart from the pages': a resource server for Maskinporten
 * tokens (JWT) on {@code /api/**}, stateless and without CSRF (a bearer token is not sent
 * by browsers on their own), answering 401 and 403 as problem details and never with a
 * login page. The token's signature, issuer, expiry and audience are checked by the
 * decoder Spring Boot makes from {@code spring.security.oauth2.resourceserver.jwt.*};
 * here the scope and the agency it acts for. The OpenAPI document is open to all.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	/** ISO 6523 ICD 0192: Norwegian organization numbers, as Maskinporten writes them. */
	private static final Pattern CONSUMER = Pattern.compile("0192:(\\d{9})");

	@Bean
	@Order(1)
	SecurityFilterChain apiDocsSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
				"/swagger-ui/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
			ApiAgencies agencies, ApiSettings settings, ApiProblems problems) throws Exception {
		JwtDecoder decoder = decoders.getIfAvailable(() -> (token) -> {
			throw new BadJwtException("No token issuer is configured");
		});
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, (request.getHeader(HttpHeaders.AUTHORIZATION) != null)
					? "Bearer error=\"invalid_token\"" : "Bearer");
			problems.write(response, problems.problem(request, HttpStatus.UNAUTHORIZED, "api.problem.unauthorized"));
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			String code = "api.problem.forbidden";
			if (authentication instanceof ApiClient client) {
				if (!client.hasScope(settings.scope())) {
					code = "api.problem.scope";
					response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
							"Bearer error=\"insufficient_scope\", scope=\"" + settings.scope() + "\"");
				}
				else if (client.orgNumber() == null) {
					code = "api.problem.consumer";
				}
				else {
					code = "api.problem.agencyNotEnabled";
				}
			}
			problems.write(response, problems.problem(request, HttpStatus.FORBIDDEN, code, settings.scope()));
		};
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest()
				.access((authentication,
						context) -> new AuthorizationDecision(authentication.get() instanceof ApiClient client
								&& client.hasScope(settings.scope()) && client.isEnabledAgency())))
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter((token) -> client(token, agencies)))
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	private static ApiClient client(Jwt token, ApiAgencies agencies) {
		Collection<GrantedAuthority> authorities = new ArrayList<>(new JwtGrantedAuthoritiesConverter().convert(token));
		String orgNumber = consumer(token);
		PortalUser agency = (orgNumber != null) ? agencies.enabled(orgNumber).orElse(null) : null;
		if (agency != null) {
			authorities.add(new SimpleGrantedAuthority(ApiClient.ENABLED_AGENCY));
		}
		String clientId = firstOf(token.getClaimAsString("client_id"), token.getClaimAsString("azp"),
				token.getSubject());
		return new ApiClient(token, (clientId != null) ? clientId : "?", orgNumber, agency, authorities);
	}

	/**
	 * The organization number in the token's {@code consumer} claim ({@code {"authority":
	 * "iso6523-actorid-upis", "ID": "0192:<orgnr>"}}).
	 */
	static @Nullable String consumer(Jwt token) {
		Object consumer = token.getClaims().get("consumer");
		if (consumer instanceof Map<?, ?> map && map.get("ID") instanceof String id) {
			var matcher = CONSUMER.matcher(id);
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		return null;
	}

	private static @Nullable String firstOf(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return (value.length() > 100) ? value.substring(0, 100) : value;
			}
		}
		return null;
	}

}
