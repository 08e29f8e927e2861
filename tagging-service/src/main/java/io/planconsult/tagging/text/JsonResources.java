package io.planconsult.tagging.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the engine's JSON data files from the classpath. */
public final class JsonResources {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonResources() {
    }

    public static <T> T read(String resource, Class<T> type) {
        try (InputStream in = open(resource)) {
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + resource, e);
        }
    }

    public static InputStream open(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)
                : null;
        if (in == null) {
            in = JsonResources.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + resource);
        }
        return in;
    }
}
