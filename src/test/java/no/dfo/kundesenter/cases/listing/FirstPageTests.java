package no.dfo.kundesenter.cases.listing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.core.CaseRepository;
import no.dfo.kundesenter.cases.core.NewCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static no.dfo.kundesenter.cases.listing.ListPages.caseIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The first page ({@code /saker}) and a search from it hold every case the person may
 * see: a fagbruker's own and their agency's in their field, an innmelder's own; "Mine
 * saker" stays a choice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FirstPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseRepository cases;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	UserDetailsService users;

	private String token;

	private long karis;

	@BeforeEach
	void karisPayrollCase() {
		this.token = ListPages.token();
		this.karis = open("kari", Category.PAYROLL);
	}

	@Test
	void aPayrollFagbrukersFirstPageAndSearchHoldTheAgencysPayrollCasesOnly() throws Exception {
		long olasPayroll = open("ola", Category.PAYROLL);
		long olasAccounting = open("ola", Category.ACCOUNTING);
		long otherAgency = open("per", Category.PAYROLL);
		long lisesAccounting = open("lise", Category.ACCOUNTING);

		assertThat(caseIds(page("lise", "/saker"))).contains(olasPayroll).doesNotContain(olasAccounting, otherAgency);
		assertThat(caseIds(page("lise", "/saker?q=" + this.token))).contains(olasPayroll, this.karis, lisesAccounting)
			.doesNotContain(olasAccounting, otherAgency);
		assertThat(caseIds(page("lise", "/saker?omfang=mine&q=" + this.token))).containsExactly(lisesAccounting);
	}

	@Test
	void anAccountingFagbrukersFirstPageAndSearchHoldTheAgencysAccountingCasesOnly() throws Exception {
		long olasPayroll = open("ola", Category.PAYROLL);
		long olasAccounting = open("ola", Category.ACCOUNTING);
		long otherAgency = open("per", Category.ACCOUNTING);

		assertThat(caseIds(page("rune", "/saker"))).contains(olasAccounting).doesNotContain(olasPayroll, otherAgency);
		assertThat(caseIds(page("rune", "/saker?q=" + this.token))).contains(olasAccounting)
			.doesNotContain(olasPayroll, otherAgency, this.karis);
	}

	@Test
	void anInnmeldersFirstPageHoldsHerOwnCasesOnly() throws Exception {
		long olas = open("ola", Category.PAYROLL);

		assertThat(caseIds(page("kari", "/saker?q=" + this.token))).containsExactly(this.karis).doesNotContain(olas);
	}

	private long open(String reporter, Category category) {
		PortalUser person = this.fixtures.user(reporter);
		Case c = this.cases
			.saveAndFlush(Case.open(new NewCase(category, "Sak " + this.token, "Første melding", null), Channel.WEB,
					person.organizationId(), person.id(), person.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
		return c.getId();
	}

	private String page(String username, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(this.users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
