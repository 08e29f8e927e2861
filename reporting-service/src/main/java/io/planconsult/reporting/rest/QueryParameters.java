package io.planconsult.reporting.rest;

import io.planconsult.contract.Problem;
import io.planconsult.reporting.tally.Perspective;

/** The query parameters several endpoints share, each checked once: a bad value is a 400 naming the parameter. */
final class QueryParameters {

    /** The most items one page of a JSON list holds. */
    static final int MAX_PAGE_SIZE = 200;
    /** The page size of a JSON list when none is asked for. */
    static final int DEFAULT_PAGE_SIZE = 50;

    private QueryParameters() {
    }

    /** A page of a list: {@code page} counts from 0, {@code size} items per page. */
    record Paging(int page, int size) {

        /** A JSON list's page: a size from 1 to {@link #MAX_PAGE_SIZE}. */
        static Paging of(int page, int size) {
            return of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        }

        /**
         * @param size        the size asked for, or null for {@code defaultSize}
         * @param maxSize     the largest size the endpoint serves
         */
        static Paging of(int page, Integer size, int defaultSize, int maxSize) {
            if (page < 0) {
                throw invalid("page must be 0 or more", "page");
            }
            if (size != null && (size < 1 || size > maxSize)) {
                throw invalid("size must be between 1 and " + maxSize, "size");
            }
            return new Paging(page, size == null ? defaultSize : size);
        }
    }

    /** {@code by=station} or {@code by=subject}: which district a filter or a list reads. */
    static Perspective perspective(String by) {
        return Perspective.fromCode(by).orElseThrow(() -> invalid("by must be station or subject", "by"));
    }

    static RuntimeException invalid(String detail, String field) {
        return Problem.exception("invalid-parameter", "Invalid parameter", 400, detail, field);
    }
}
