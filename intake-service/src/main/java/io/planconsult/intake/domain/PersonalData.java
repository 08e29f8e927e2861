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
 * Submitters' contact data and its erasure. Reading it is audited like a change. Erasure removes the contact row at
 * once and replaces the stored raw text with the tagging service's redaction of it (kept from the public tagged
 * topic). Intake has no redaction engine of its own, so when the current revision is not redacted yet the erasure
 * does not wait: it is remembered, and {@link #completePendingErasure} replaces the text when the redaction arrives,
 * even for a suggestion withdrawn before it was tagged.
 */
@ApplicationScoped
public class PersonalData {

    private static final Logger LOG = Logger.getLogger(PersonalData.class);

    /**
     * What an erasure did, and what it still owes.
     *
     * @param textRedacted        the raw text was replaced with its redacted form now
     * @param textRedactionPending the text is not redacted yet; it is replaced when the tagging service's redaction
     *                            arrives
     */
    public record Erasure(UUID suggestionId, boolean contactRemoved, boolean textRedacted, boolean textRedactionPending,
            int revision) {
    }

    /** The audit trail's actor for the part of an erasure intake completes by itself. */
    static final Actor DEFERRED = new Actor("intake", "system");

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

    /** Erases what can be erased now; the text, if not redacted yet, as soon as its redaction arrives. */
    @Transactional
    public Erasure erase(UUID id, Actor actor) {
        Suggestion s = SuggestionChanges.lock(id);
        Instant now = clock.instant();
        List<String> erased = new ArrayList<>();
        boolean contactRemoved = SubmitterContact.deleteById(id);
        if (contactRemoved) {
            erased.add("contact");
        }
        boolean pending = s.redactedText == null;
        boolean textRedacted = !pending && !s.redactedText.equals(s.text);
        if (textRedacted) {
            s.text = s.redactedText;
            erased.add("text");
        }
        s.textErasureRequestedAt = pending ? now : null;
        // Crypto-shredding: every sealed copy of the raw text (internal topic, replicas, backups, outbox) stops
        // opening. While the text waits for its redaction the key stays: tagging needs it once more to redact the text.
        if (!pending && sealing.shred(id)) {
            erased.add("text-key");
        }
        // Stored replies to retried requests about this suggestion (its withdrawal, its erasure) go with it.
        Suggestion.getEntityManager().createNativeQuery(
                "delete from idempotency_key where location like :ref or body like :ref")
                .setParameter("ref", "%" + id + "%").executeUpdate();
        s.updatedAt = now;
        audit.record(id, actor, AuditTrail.ERASED, erased, "revision=" + s.revision + (pending ? " text=pending" : ""),
                now);
        LOG.infof("personal data erased id=%s fields=%s textPending=%s by=%s", id, erased, pending, actor.role());
        return new Erasure(id, contactRemoved, textRedacted, pending, s.revision);
    }

    /**
     * The redacted text of the suggestion's current revision has just been stored: an erasure that waited for it
     * replaces the raw text now. Runs in the caller's transaction, with the suggestion locked.
     */
    void completePendingErasure(Suggestion s, Instant now) {
        if (s.textErasureRequestedAt == null || s.redactedText == null) {
            return;
        }
        s.text = s.redactedText;
        s.textErasureRequestedAt = null;
        List<String> erased = new ArrayList<>(List.of("text"));
        if (sealing.shred(s.id)) {
            erased.add("text-key");
        }
        audit.record(s.id, DEFERRED, AuditTrail.ERASED, erased, "revision=" + s.revision, now);
        LOG.infof("personal data erased id=%s fields=[text] (erasure waited for the redacted text)", s.id);
    }
}
