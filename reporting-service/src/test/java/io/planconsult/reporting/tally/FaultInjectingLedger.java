package io.planconsult.reporting.tally;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The ledger with a bug on demand, for the tests: an event whose id carries {@link #MARK} in its top 16 bits fails
 * every time with an unexpected exception; every other event is applied as usual.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FaultInjectingLedger extends TallyLedger {

    public static final long MARK = 0xFA17L;

    @Inject
    FaultInjectingLedger(TallyVersion version) {
        super(version);
    }

    FaultInjectingLedger() {
        super();
    }

    /** An event id the ledger fails on. */
    public static UUID faultyEventId() {
        UUID random = UUID.randomUUID();
        return new UUID(MARK << 48 | random.getMostSignificantBits() & 0xFFFF_FFFF_FFFFL, random.getLeastSignificantBits());
    }

    /** Fails the whole batch (and so each lone try of the marked event) when it holds a marked event. */
    @Override
    @Transactional
    public List<Applied> applyAll(List<EventToApply> events) {
        if (events.stream().anyMatch(e -> e.eventId().getMostSignificantBits() >>> 48 == MARK)) {
            throw new IllegalStateException("injected fault");
        }
        return super.applyAll(events);
    }
}
