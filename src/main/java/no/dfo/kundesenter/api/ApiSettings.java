package no.dfo.kundesenter.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The JSON API. The token issuer and audience are Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code .audiences}.
 *
 * @param scope the Maskinporten scope every token must carry
 * @param maxJsonSize the largest JSON body a request may send; files go as multipart
 * under the attachment limits
 * @param pageSize how many cases a list answers at most, whatever is asked
 */
@ConfigurationProperties("portal.api")
record ApiSettings(@DefaultValue("dfo:kundesenter.saker") String scope, @DefaultValue("1MB") DataSize maxJsonSize,
		@DefaultValue("100") int pageSize) {
}
