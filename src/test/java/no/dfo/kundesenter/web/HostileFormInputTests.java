package no.dfo.kundesenter.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Text nobody types, in every text field of every form: NUL bytes (which PostgreSQL
 * refuses), other control characters, text that looks empty, a field sent twice. None of
 * it is a server error; it is cleaned or refused next to its field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileFormInputTests {

	private static final String NUL = "\u0000";

	private static final Pattern LOCATION = Pattern.compile("/saker/(\\d+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private static MultiValueMap<String, String> payrollCase() {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("category", "PAYROLL");
		form.add("subject", "Sykemelding for mars");
		form.add("message", "Vedlagt er sykemelding.");
		form.add("voucher", "ja");
		form.add("employeeNumber", "40213");
		form.add("employeeName", "Ærlig Øvre");
		form.add("payPeriod", "2026-03");
		form.add("amount", "12 500,50");
		form.add("voucherNote", "Etterbetaling");
		return form;
	}

	private long register(MultiValueMap<String, String> form) throws Exception {
		String location = this.mvc.perform(post("/saker").params(form).with(csrf()).with(as("kari")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Matcher id = LOCATION.matcher(location);
		assertThat(id.matches()).isTrue();
		return Long.parseLong(id.group(1));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "subject", "message", "employeeNumber", "employeeName", "payPeriod", "amount", "voucherNote" })
	void aNulByteInAnyFieldOfTheNewCaseFormIsDroppedAndTheCaseRegistered(String field) throws Exception {
		var form = payrollCase();
		String value = form.getFirst(field);
		form.set(field, value.substring(0, 2) + NUL + value.substring(2));
		long id = register(form);
		String stored = this.jdbc.queryForObject("""
				select concat_ws('|', c.subject, c.voucher_employee_number, c.voucher_employee_name,
				       c.voucher_pay_period, c.voucher_amount, c.voucher_note, m.body)
				from support_case c join message m on m.case_id = c.id where c.id = ?""", String.class, id);
		assertThat(stored).doesNotContain(NUL)
			.isEqualTo("Sykemelding for mars|40213|Ærlig Øvre|2026-03|12500.50|Etterbetaling|Vedlagt er sykemelding.");
	}

	@Test
	void aSubjectOfOnlyZeroWidthSpacesIsRefusedAsEmpty() throws Exception {
		var form = payrollCase();
		form.set("subject", "\u200b\u200b\u200b");
		this.mvc.perform(post("/saker").params(form).with(csrf()).with(as("kari")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "subject", "case.subject.required"));
		form.set("subject", "\u200b");
		form.set("message", "\u2060\u00a0\ufeff");
		this.mvc.perform(post("/saker").params(form).with(csrf()).with(as("kari")))
			.andExpect(model().attributeHasFieldErrorCode("form", "message", "case.message.required"));
	}

	@Test
	void controlCharactersAndLineBreaksDoNotReachASubject() throws Exception {
		var form = payrollCase();
		form.set("subject", "\u200bFeil\u0007 i\u001b lønn\r\nfor mars\t");
		long id = register(form);
		assertThat(this.jdbc.queryForObject("select subject from support_case where id = ?", String.class, id))
			.isEqualTo("Feil i lønn for mars");
	}

	@Test
	void aFieldSentTwiceIsTakenAsSentFirstNotJoined() throws Exception {
		var form = payrollCase();
		form.add("subject", "Noe annet");
		form.add("employeeName", "Per");
		long id = register(form);
		assertThat(this.jdbc.queryForObject(
				"select subject || '|' || voucher_employee_name from support_case where id = ?", String.class, id))
			.isEqualTo("Sykemelding for mars|Ærlig Øvre");
	}

	@Test
	void aNulByteInAMessageOrAReplyIsDropped() throws Exception {
		long id = register(payrollCase());
		this.mvc
			.perform(post("/saker/" + id + "/meldinger").param("body", "Glemte" + NUL + " vedlegget")
				.with(csrf())
				.with(as("kari")))
			.andExpect(status().is3xxRedirection());
		long version = this.jdbc.queryForObject("select version from support_case where id = ?", Long.class, id);
		this.mvc
			.perform(post("/saker/" + id + "/meldinger").param("body", "Takk" + NUL + "!")
				.param("visibility", "intern")
				.param("status", "")
				.param("version", String.valueOf(version))
				.with(csrf())
				.with(as("siri")))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("select body from message where case_id = ? order by id", String.class, id))
			.containsExactly("Vedlagt er sykemelding.", "Glemte vedlegget", "Takk!");
	}

	@Test
	void aNulByteInAnAccessRequestOrTheAdministratorsFormsIsNoServerError() throws Exception {
		TestPeople people = new TestPeople(this.jdbc);
		String person = people.person("ny", people.existing("910000004").id());
		this.mvc
			.perform(post("/tilgang").param("orgNumber", "910000004")
				.param("role", "REPORTER")
				.param("reason", "Jobber" + NUL + " med lønn")
				.with(csrf())
				.with(as(person)))
			.andExpect(status().is3xxRedirection());
		long request = this.jdbc.queryForObject("select id from access_request where user_id = ?", Long.class,
				people.id(person));
		assertThat(this.jdbc.queryForObject("select reason from access_request where id = ?", String.class, request))
			.isEqualTo("Jobber med lønn");

		this.mvc.perform(get("/admin/tilganger").param("virksomhet", "9100" + NUL + "00004").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Testetaten")));
		this.mvc
			.perform(post("/admin/tilganger/" + request).param("decision", "avvis")
				.param("comment", "Ukjent" + NUL + " person")
				.with(csrf())
				.with(as("admin")))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select decision_comment from access_request where id = ?", String.class,
				request))
			.isEqualTo("Ukjent person");

		String reporter = people.person("inn", people.existing("910000004").id(), Role.REPORTER);
		this.mvc
			.perform(post("/admin/tilganger/tilbakekall").param("userId", String.valueOf(people.id(reporter)))
				.param("role", "REPORTER")
				.param("reason", "Sluttet" + NUL)
				.param("virksomhet", "910000004")
				.with(csrf())
				.with(as("admin")))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void aNulByteInACannedReplyOrAPhoneCaseIsDropped() throws Exception {
		String title = "Mottatt " + System.nanoTime();
		this.mvc
			.perform(post("/saksbehandling/ferdigtekster").param("category", "PAYROLL")
				.param("title", title + NUL)
				.param("body", "Vi har" + NUL + " mottatt saken.")
				.with(csrf())
				.with(as("siri")))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select body from canned_reply where title = ?", String.class, title))
			.isEqualTo("Vi har mottatt saken.");

		long ola = this.jdbc.queryForObject("select id from app_user where username = 'ola'", Long.class);
		MockHttpServletRequestBuilder phone = post("/saksbehandling/telefon")
			.param("organization",
					String.valueOf(this.jdbc
						.queryForObject("select id from organization where org_number = '910000004'", Long.class)))
			.param("reporter", String.valueOf(ola))
			.param("category", "PAYROLL")
			.param("subject", "Ringte" + NUL + " om lønn")
			.param("message", "Lønnen" + NUL + " kom ikke.")
			.with(csrf())
			.with(as("siri"));
		String location = this.mvc.perform(phone)
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring("/saker/".length()));
		assertThat(this.jdbc.queryForObject(
				"select c.subject || '|' || m.body from support_case c join message m on m.case_id = c.id where c.id = ?",
				String.class, id))
			.isEqualTo("Ringte om lønn|Lønnen kom ikke.");
	}

}
