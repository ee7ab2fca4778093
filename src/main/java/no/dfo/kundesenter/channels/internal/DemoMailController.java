package no.dfo.kundesenter.channels.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.EmailAddress;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.web.FormText;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Demo only: sends a real mail over SMTP to one of the centre's mailboxes on the demo's
 * mail server, from any address, so a newcomer can watch it become a case.
 */
@Controller
@Profile("demo")
class DemoMailController {

	private static final String VIEW = "channels/demo-send";

	private final ChannelSettings settings;

	private final UserDirectory users;

	private final int smtpPort;

	DemoMailController(ChannelSettings settings, UserDirectory users,
			@Value("${portal.demo.mail-server.smtp-port:3025}") int smtpPort) {
		this.settings = settings;
		this.users = users;
		this.smtpPort = smtpPort;
	}

	@ModelAttribute("mailboxes")
	List<Category> mailboxes() {
		return List.of(Category.values()).stream().filter((c) -> this.settings.mailbox(c).isPresent()).toList();
	}

	@GetMapping("/demo/epost/send")
	String form(@CurrentUser PortalUser viewer, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new DemoMailForm(this.users.emailOf(viewer.id()).orElse(""), Category.PAYROLL.name(), null, null));
		}
		return VIEW;
	}

	@PostMapping("/demo/epost/send")
	String send(@ModelAttribute("form") DemoMailForm form, BindingResult result,
			@ModelAttribute("mailboxes") List<Category> mailboxes, RedirectAttributes redirect) {
		if (FormText.isBlank(form.from()) || !EmailAddress.isWellFormed(form.from().strip())) {
			result.rejectValue("from", "channels.demo.from.required");
		}
		Category mailbox = mailboxes.stream().filter((c) -> c.name().equals(form.mailbox())).findFirst().orElse(null);
		if (mailbox == null) {
			result.rejectValue("mailbox", "channels.demo.mailbox.required");
		}
		if (FormText.isBlank(form.text())) {
			result.rejectValue("text", "channels.demo.text.required");
		}
		if (result.hasErrors() || mailbox == null) {
			return VIEW;
		}
		JavaMailSenderImpl smtp = new JavaMailSenderImpl();
		smtp.setHost("127.0.0.1");
		smtp.setPort(this.smtpPort);
		Properties timeouts = new Properties();
		timeouts.setProperty("mail.smtp.connectiontimeout", "5000");
		timeouts.setProperty("mail.smtp.timeout", "5000");
		smtp.setJavaMailProperties(timeouts);
		try {
			MimeMessage mail = smtp.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mail, false, StandardCharsets.UTF_8.name());
			helper.setFrom(form.from().strip());
			helper.setTo(this.settings.mailbox(mailbox).orElseThrow().username());
			helper.setSubject((form.subject() != null) ? form.subject().strip() : "");
			helper.setText(form.text());
			smtp.send(mail);
		}
		catch (MessagingException | MailException ex) {
			result.reject("channels.demo.failed");
			return VIEW;
		}
		redirect.addFlashAttribute("sent", true);
		return "redirect:/demo/epost/send";
	}

	/** The demo mail as typed. */
	record DemoMailForm(@Nullable String from, @Nullable String mailbox, @Nullable String subject,
			@Nullable String text) {
	}

}
