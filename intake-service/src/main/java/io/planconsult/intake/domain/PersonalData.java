package io.planconsult.intake.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Submitters' contact data and its erasure. Reading it is audited like a change. Erasure removes the contact row and
 * replaces the stored raw text with the tagging service's redaction of it (kept from the public tagged topic):
 * intake has no redaction engine of its own, so a suggestion whose current revision is not yet redacted cannot be
 * erased yet (409, retry later) rather than erased badly.
 */
@ApplicationScoped
public class PersonalData {

    private static final Logger LOG = Logger.getLogger(PersonalData.class);

    /** What an erasure did. */
    public record Erasure(UUID suggestionId, boolean contactRemoved, boolean textRedacted, int revision) {
    }

    private final AuditTrail audit;
    private final TextSealing sealing;
    private final Clock clock = Clock.systemUTC();

    PersonalData(AuditTrail audit, TextSealing sealing) {
        this.audit = audit;
        this.sealing = sealing;
    }

    /** @return the contact details, if any were given and not erased; the read is audited */
    @Transactional
    public Optional<SubmitterContact> contact(UUID id, Actor actor) {
        if (Suggestion.findById(id) == null) {
            throw new SuggestionNotFoundException(id);
        }
        Optional<SubmitterContact> contact = Optional.ofNullable(SubmitterContact.findById(id));
        if (contact.isPresent()) {
            audit.record(id, actor, AuditTrail.CONTACT_READ, List.of("contact"), null, clock.instant());
        }
        return contact;
    }

    /** @return the suggestion with its raw text; the read is audited (the text may hold personal data) */
    @Transactional
    public Suggestion rawText(UUID id, Actor actor) {
        Suggestion s = Suggestion.findById(id);
        if (s == null) {
            throw new SuggestionNotFoundException(id);
        }
        audit.record(id, actor, AuditTrail.TEXT_READ, List.of("text"), "revision=" + s.revision, clock.instant());
        return s;
    }

    /**
     * @throws SuggestionConflictException the current revision has not been redacted yet
     */
    @Transactional
    public Erasure erase(UUID id, Actor actor) {
        Suggestion s = SuggestionChanges.lock(id);
        if (s.redactedText == null) {
            throw new SuggestionConflictException("not-yet-redacted",
                    "the suggestion's current text has not been redacted by the tagging service yet; retry later");
        }
        Instant now = clock.instant();
        List<String> erased = new ArrayList<>();
        boolean contactRemoved = SubmitterContact.deleteById(id);
        if (contactRemoved) {
            erased.add("contact");
        }
        boolean textRedacted = !s.redactedText.equals(s.text);
        if (textRedacted) {
            s.text = s.redactedText;
            erased.add("text");
        }
        // Crypto-shredding: every sealed copy of the raw text (internal topic, replicas, backups, outbox) stops opening.
        if (sealing.shred(id)) {
            erased.add("text-key");
        }
        // Stored replies to retried requests about this suggestion (its withdrawal, its erasure) go with it.
        Suggestion.getEntityManager().createNativeQuery("delete from idempotency_key where location like :ref or body like :ref")
                .setParameter("ref", "%" + id + "%").executeUpdate();
        s.updatedAt = now;
        audit.record(id, actor, AuditTrail.ERASED, erased, "revision=" + s.revision, now);
        LOG.infof("personal data erased id=%s fields=%s by=%s", id, erased, actor.role());
        return new Erasure(id, contactRemoved, textRedacted, s.revision);
    }
}
