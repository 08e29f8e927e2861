package io.planconsult.reporting.report;

import io.planconsult.reporting.tally.TallyVersion;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The general report, assembled once per version of the read model and shared by every caller until the next change.
 * Assembling it aggregates every suggestion row (1.5 s at 100,000); every transaction that changes the read model
 * bumps the change counter ({@link TallyVersion}), on any instance, so a report kept under the counter's value is
 * exact until the counter moves. The counter is read <em>before</em> assembling: a report kept under a value then
 * holds at least everything that value counts, never less.
 */
@ApplicationScoped
public class GeneralReportCache {

    private record Kept(long version, Reports.General withTexts, Reports.General aggregates) {
    }

    private final ReportAssembler assembler;
    private final TallyVersion counter;
    private volatile Kept kept;

    GeneralReportCache(ReportAssembler assembler, TallyVersion counter) {
        this.assembler = assembler;
        this.counter = counter;
    }

    /** @param withTexts as {@link ReportAssembler#general}: the points' representative texts for analysts and admins */
    public Reports.General general(boolean withTexts) {
        long version = counter.current();
        Kept now = kept;
        if (now == null || now.version() != version) {
            now = assemble(version);
        }
        return withTexts ? now.withTexts() : now.aggregates();
    }

    /** One caller assembles a version; the others wait for it rather than aggregate the same rows again. */
    private synchronized Kept assemble(long version) {
        Kept now = kept;
        if (now != null && now.version() == version) {
            return now;
        }
        Reports.General full = assembler.general(true);
        now = new Kept(version, full, Reports.withoutTexts(full));
        if (kept == null || kept.version() < version) {
            kept = now;
        }
        return now;
    }
}
