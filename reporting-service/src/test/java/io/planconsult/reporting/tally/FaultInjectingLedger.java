package io.planconsult.reporting.tally;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The ledger with a bug on demand, for the tests: an event whose id is a version 8 (vendor-specific) UUID carrying
 * {@link #MARK} in its top 16 bits fails every time with an unexpected exception; every other event is applied as
 * usual. Random (version 4) ids never carry the mark, so a test that sends hundreds of them never hits the fault by
 * chance (a mark in the top 16 bits alone once did, one id in 65,536).
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
        long middle = random.getMostSignificantBits() & 0x0000_FFFF_FFFF_0FFFL;
        return new UUID(MARK << 48 | middle | 0x8000L, random.getLeastSignificantBits());
    }

    /** Fails the whole batch (and so each lone try of the marked event) when it holds a marked event. */
    @Override
    @Transactional
    public List<Applied> applyAll(List<EventToApply> events) {
        if (events.stream().anyMatch(e -> isFaulty(e.eventId()))) {
            throw new IllegalStateException("injected fault");
        }
        return super.applyAll(events);
    }

    private static boolean isFaulty(UUID eventId) {
        return eventId.version() == 8 && eventId.getMostSignificantBits() >>> 48 == MARK;
    }
}
