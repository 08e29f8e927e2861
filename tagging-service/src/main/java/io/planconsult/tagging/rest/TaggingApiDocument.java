package io.planconsult.tagging.rest;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAPI document's header: info and licence, the local server and the tags with what each groups. People's
 * JWTs are the {@code bearer} scheme (application.properties), added to every operation that requires a role.
 */
@OpenAPIDefinition(
        info = @Info(title = "planconsult tagging-service", version = "1.0.0",
                description = "On-premises tagging of suggestions: topics, district, redaction, near-duplicates.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "http://localhost:8082", description = "deploy/run-local; a cluster serves the same "
                + "paths inside its network"),
        tags = {
            @Tag(name = "classify", description = "Tag a text as the consumer would, without storing or publishing it"),
            @Tag(name = "dedup", description = "Near-duplicates of a text among the suggestions tagged so far")
        })
public final class TaggingApiDocument {

    private TaggingApiDocument() {
    }
}
