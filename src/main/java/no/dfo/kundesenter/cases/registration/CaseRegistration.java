package no.dfo.kundesenter.cases.registration;

import no.dfo.kundesenter.access.Person;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.access.RateLimits;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.CaseOpened;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.cases.core.CaseActions;
import no.dfo.kundesenter.cases.core.NewCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers cases, from every channel, the one way: the channel's rule for who may
 * register for whom, then the case with its first message, its files, one audit entry and
 * one {@link CaseOpened} event, all in one transaction.
 */
@Service
@Transactional
public class CaseRegistration {

	private final CaseActions actions;

	private final UserDirectory directory;

	private final Attachments attachments;

	private final RateLimits rateLimits;

	CaseRegistration(CaseActions actions, UserDirectory directory, Attachments attachments, RateLimits rateLimits) {
		this.actions = actions;
		this.directory = directory;
		this.attachments = attachments;
		this.rateLimits = rateLimits;
	}

	/**
	 * Registers a case for a person of an agency. The case belongs to them and their
	 * agency and shows in their list whatever the channel. By channel:
	 * <ul>
	 * <li>{@link Channel#WEB}: the reporter registers it themselves in the portal, with
	 * the drafts they uploaded as files of the first message; it counts against their
	 * limit of registrations;</li>
	 * <li>{@link Channel#PHONE}: a caseworker of the category writes down what the
	 * reporter said on the phone, and writes the first message for the centre;</li>
	 * <li>{@link Channel#EMAIL}: the portal registers a mail from a known person as their
	 * case, recorded as done by the system, with the files as the sender's drafts;</li>
	 * <li>{@link Channel#API}: an agency's system (its system account) registers the case
	 * for one of the agency's people or for itself.</li>
	 * </ul>
	 * @param reporterId the person the case is for, an agency-side person
	 * @param registeredBy who registers it
	 * @return the new case's id
	 * @throws IllegalArgumentException if the channel's rule does not let
	 * {@code registeredBy} register the case for the reporter
	 * @throws AttachmentRejectedException if a draft is gone or too much is attached;
	 * nothing is registered then
	 * @throws RateLimitExceededException if the reporter has registered as many cases as
	 * the limit allows lately; nothing is registered then
	 */
	public long register(NewCase request, Channel channel, long reporterId, PortalUser registeredBy) {
		long organizationId = switch (channel) {
			case WEB -> {
				if (!CaseAccessPolicy.mayRegister(registeredBy) || registeredBy.id() != reporterId) {
					throw new IllegalArgumentException("In the portal, agency-side people register their own cases");
				}
				this.rateLimits.countCaseRegistration(reporterId);
				yield registeredBy.organizationId();
			}
			case PHONE -> {
				if (!CaseAccessPolicy.worksOn(registeredBy, request.category()) || !request.attachmentIds().isEmpty()) {
					throw new IllegalArgumentException("Phone cases are written down by caseworkers of the category");
				}
				yield agencyPerson(reporterId).organizationId();
			}
			case API -> {
				// An agency's system registers for one of the agency's people or for its
				// own system account; its agency's limits are counted per request.
				if (!CaseAccessPolicy.mayRegister(registeredBy) || !request.attachmentIds().isEmpty()
						|| (reporterId != registeredBy.id()
								&& agencyPerson(reporterId).organizationId() != registeredBy.organizationId())) {
					throw new IllegalArgumentException("An agency's system registers cases of its own agency");
				}
				yield registeredBy.organizationId();
			}
			case EMAIL -> {
				// The portal registers the mail for its sender; its own limit applies.
				if (!CaseAccessPolicy.mayRegister(registeredBy) || registeredBy.id() != reporterId) {
					throw new IllegalArgumentException("An e-mail becomes a case of its agency-side sender");
				}
				yield registeredBy.organizationId();
			}
		};
		Case opened = this.actions
			.save(Case.open(request, channel, organizationId, reporterId, registeredBy.id(), this.actions.now()));
		long firstMessageId = opened.getMessages().get(0).getId();
		this.attachments.claimDrafts(request.attachmentIds(), reporterId, opened.getId(), firstMessageId);
		this.actions.opened(new CaseOpened(opened.getId(), firstMessageId, opened.getOrganizationId(), reporterId,
				registeredBy.id(), opened.getCategory(), channel, request.attachmentIds()), registeredBy);
		return opened.getId();
	}

	private Person agencyPerson(long id) {
		return this.directory.agencyPerson(id)
			.orElseThrow(() -> new IllegalArgumentException("No agency-side person " + id));
	}

}
