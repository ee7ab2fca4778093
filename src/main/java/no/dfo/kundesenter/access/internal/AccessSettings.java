package no.dfo.kundesenter.access.internal;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param centreOrgNumber the organization number of the centre itself: caseworker and
 * administrator roles exist only there, agency roles only elsewhere
 * @param sessionLifetime how long a session lasts at most, however active it is; the idle
 * timeout is {@code spring.session.timeout}
 * @param spareSessionRoundTrips whether a request's session is written back only when the
 * request changed it or its stored time of access is a minute old (decision 54); read by
 * {@link SessionRoundTripsConfiguration}'s condition
 * @param identityKey the secret that national identity numbers are hashed with (HMAC): at
 * least 32 characters, from the environment; required when single sign-on is set up.
 * Changing it makes every known person unknown
 * @param firstAdministrator the administrator a new installation starts with, by national
 * identity number or (for the centre's own staff) Entra ID object id; used while nobody
 * is administrator
 * @param acrValues the level of assurance asked of each sign-in provider, by registration
 * id; the returned {@code acr} must be at least as high ({@link AssuranceLevels})
 * @param authorizationDetails what a provider is asked to let the person choose, by
 * registration id: the JSON of {@code authorization_details} (at Ansattporten, the
 * organization the person signs in for, {@link ChosenOrganizations})
 */
@ConfigurationProperties("portal.access")
record AccessSettings(@DefaultValue("974000008") String centreOrgNumber, @DefaultValue("12h") Duration sessionLifetime,
		@DefaultValue("true") boolean spareSessionRoundTrips, @Nullable String identityKey,
		@Nullable String firstAdministrator, @DefaultValue Map<String, String> acrValues,
		@DefaultValue Map<String, String> authorizationDetails) {

	/** The level asked of a provider, or {@literal null} to ask none. */
	@Nullable String acrValues(String registrationId) {
		String configured = this.acrValues.get(registrationId);
		if (configured != null) {
			return configured.isBlank() ? null : configured;
		}
		return switch (registrationId) {
			case "ansattporten" -> "substantial";
			case "idporten" -> "idporten-loa-substantial";
			default -> null;
		};
	}

	/** The {@code authorization_details} asked of a provider, or {@literal null}. */
	@Nullable String authorizationDetails(String registrationId) {
		String configured = this.authorizationDetails.get(registrationId);
		return (configured == null || configured.isBlank()) ? null : configured.strip();
	}

}
