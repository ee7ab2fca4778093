package no.dfo.kundesenter.access;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import no.dfo.kundesenter.notifications.internal.DemoMailbox;
import no.dfo.kundesenter.notifications.internal.OutgoingMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person's address for notices: set on the profile page, used only once the person has
 * opened the link sent to it while signed in.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProfileEmailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	DemoMailbox mailbox;

	/** A reporter of their own, so that no other test's addresses change. */
	private UserDetails newReporter() {
		String username = "profil-" + UUID.randomUUID();
		long id = this.jdbc.queryForObject("""
				insert into app_user (username, full_name, email, organization_id)
				select ?, 'Pia Profil', '', id from organization where org_number = '910000004'
				returning id""", Long.class, username);
		this.jdbc.update("insert into user_role (user_id, role) values (?, 'REPORTER')", id);
		return this.users.loadUserByUsername(username);
	}

	private String emailOf(UserDetails person) {
		return this.jdbc.queryForObject("select email from app_user where username = ?", String.class,
				person.getUsername());
	}

	private OutgoingMail mailTo(String address) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mailbox.mails().stream().filter((mail) -> mail.to().equals(address)).toList(),
					(mails) -> !mails.isEmpty())
			.get(0);
	}

	private static MultiValueMap<String, String> query(String link) {
		return UriComponentsBuilder.fromUri(URI.create(link)).build(true).getQueryParams();
	}

	private static String decoded(MultiValueMap<String, String> query, String name) {
		return java.net.URLDecoder.decode(query.getFirst(name), java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void aNewAddressIsUsedOnlyOnceThePersonConfirmsTheLinkSentToIt() throws Exception {
		UserDetails pia = newReporter();
		String address = "pia.profil+" + UUID.randomUUID().toString().substring(0, 8) + "@testetaten.no";
		this.mvc.perform(get("/profil").with(user(pia)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Du har ikke lagt inn en e-postadresse")));
		this.mvc.perform(post("/profil/epost").param("email", "  " + address + " ").with(user(pia)).with(csrf()))
			.andExpect(redirectedUrl("/profil"))
			.andExpect(flash().attribute("sentTo", address));
		OutgoingMail mail = mailTo(address);
		assertThat(mail.subject()).isEqualTo("Bekreft e-postadressen din for Kundesenter på nett");
		assertThat(mail.text()).contains(mail.link()).doesNotContain("Pia");
		assertThat(emailOf(pia)).isEmpty();

		URI link = URI.create(mail.link());
		assertThat(link.getPath()).isEqualTo("/profil/epost/bekreft");
		MultiValueMap<String, String> query = query(mail.link());
		// Opening the link changes nothing: a mail scanner may open it too.
		this.mvc.perform(get(link).with(user(pia)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Vil du at varsler fra Kundesenter på nett skal gå til " + address)));
		assertThat(emailOf(pia)).isEmpty();
		this.mvc
			.perform(post("/profil/epost/bekreft").param("adresse", decoded(query, "adresse"))
				.param("utloper", query.getFirst("utloper"))
				.param("kode", query.getFirst("kode"))
				.with(user(pia))
				.with(csrf()))
			.andExpect(redirectedUrl("/profil"))
			.andExpect(flash().attribute("confirmed", address));
		assertThat(emailOf(pia)).isEqualTo(address);
		assertThat(this.jdbc.queryForList("""
				select a.action from audit_event a join app_user u on u.id = a.actor_id
				where u.username = ? order by a.id""", String.class, pia.getUsername()))
			.containsExactly("EMAIL_CHANGED");
		this.mvc.perform(get("/profil").with(user(pia)))
			.andExpect(content().string(containsString("Varsler går til " + address)));
	}

	@Test
	void aLinkWorksOnlyForThePersonAndTheAddressItWasSentFor() throws Exception {
		UserDetails pia = newReporter();
		UserDetails other = newReporter();
		String address = "pia-" + UUID.randomUUID().toString().substring(0, 8) + "@testetaten.no";
		this.mvc.perform(post("/profil/epost").param("email", address).with(user(pia)).with(csrf()))
			.andExpect(redirectedUrl("/profil"));
		MultiValueMap<String, String> query = query(mailTo(address).link());
		String code = query.getFirst("kode");
		String expires = query.getFirst("utloper");

		for (var attempt : List.of(List.of(other, address, expires, code),
				List.of(pia, "angriper@example.com", expires, code), List.of(pia, address, "9999999999", code),
				List.of(pia, address, expires, code.substring(1)), List.of(pia, address, "soon", code),
				List.of(pia, address.toUpperCase() + "x", expires, code))) {
			UserDetails who = (UserDetails) attempt.get(0);
			this.mvc
				.perform(post("/profil/epost/bekreft").param("adresse", (String) attempt.get(1))
					.param("utloper", (String) attempt.get(2))
					.param("kode", (String) attempt.get(3))
					.with(user(who))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Lenken virker ikke")));
		}
		this.mvc.perform(get("/profil/epost/bekreft").with(user(pia)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lenken virker ikke")));
		assertThat(emailOf(pia)).isEmpty();
		assertThat(emailOf(other)).isEmpty();
	}

	@Test
	void anAddressThatIsNoPlainAddressIsRefusedWithWhatWasTypedKept() throws Exception {
		UserDetails pia = newReporter();
		for (String typed : List.of("", "   ", "pia", "pia@", "pia@testetaten", "Pia <pia@testetaten.no>",
				"pia@testetaten.no, ola@testetaten.no", "pia @testetaten.no", "pia@testetaten.no\r\nBcc: x@y.no",
				"a".repeat(250) + "@testetaten.no")) {
			this.mvc.perform(post("/profil/epost").param("email", typed).with(user(pia)).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("E-postadressen må rettes")))
				.andExpect(content().string(not(containsString("Vi har sendt"))));
		}
		this.mvc.perform(post("/profil/epost").param("email", "pia@testetaten").with(user(pia)).with(csrf()))
			.andExpect(content().string(containsString("value=\"pia@testetaten\"")))
			.andExpect(content().string(containsString("Skriv e-postadressen slik: navn@virksomhet.no.")));
		assertThat(this.mailbox.mails().stream().map(OutgoingMail::to))
			.noneMatch((to) -> to.equals("pia@testetaten.no") || to.contains("ola@") || to.contains("x@y.no"));
	}

	@Test
	void controlCharactersInAnAddressAreDroppedAsInEveryFormField() throws Exception {
		UserDetails pia = newReporter();
		String address = "pia-" + UUID.randomUUID().toString().substring(0, 8) + "@testetaten.no";
		this.mvc
			.perform(post("/profil/epost").param("email", "\u0000" + address + "\u0007").with(user(pia)).with(csrf()))
			.andExpect(redirectedUrl("/profil"))
			.andExpect(flash().attribute("sentTo", address));
		assertThat(mailTo(address).to()).isEqualTo(address);
	}

	@Test
	void askingForManyLinksInAShortTimeMakesThePersonWait() throws Exception {
		UserDetails pia = newReporter();
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(post("/profil/epost").param("email", "pia" + i + "-" + UUID.randomUUID() + "@testetaten.no")
					.with(user(pia))
					.with(csrf()))
				.andExpect(redirectedUrl("/profil"));
		}
		this.mvc.perform(post("/profil/epost").param("email", "pia-last@testetaten.no").with(user(pia)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Du har bedt om mange bekreftelser på kort tid. Vent")))
			.andExpect(content().string(containsString("value=\"pia-last@testetaten.no\"")));
	}

	@Test
	void aPersonWithoutAnyRoleCanSetTheirAddress() throws Exception {
		this.mvc.perform(get("/profil").with(user(this.users.loadUserByUsername("nina"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Profilen din")))
			.andExpect(content().string(containsString("Ingen ennå.")));
	}

}
