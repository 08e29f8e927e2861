package io.planconsult.intake.rest;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.ws.rs.core.Application;

/**
 * The OpenAPI document's header: info and licence, the server (relative), the tags with what each groups, and the
 * service token scheme of the internal endpoint. People's JWTs are the {@code bearer} scheme (application.properties),
 * added to every operation that requires a role; an operation open to anyone says so with an empty security list.
 * <p>An {@link Application} because SmallRye OpenAPI reads {@code @OpenAPIDefinition} and {@code @SecurityScheme} from
 * the application class; it declares no path and no classes, so every resource is served as before.
 */
@OpenAPIDefinition(
        info = @Info(title = "planconsult intake-service", version = "1.0.0",
                description = "System of record for the public's suggestions: submission, forum imports, corrections, "
                        + "erasure and the audit trail; events leave through a transactional outbox.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // Relative: the host that served the document; every deployment has its own (locally localhost:8081).
        servers = @Server(url = "/", description = "The host that serves this document"),
        tags = {
            @Tag(name = "suggestions", description = "Submit, read, amend and withdraw suggestions"),
            @Tag(name = "forum imports", description = "A forum's minutes as many suggestions at once"),
            @Tag(name = "corrections", description = "Analysts' re-tags and near-duplicate merges"),
            @Tag(name = "personal data", description = "The submitter's contact details and their erasure (admin)"),
            @Tag(name = "audit", description = "Who changed a suggestion, when, and what"),
            @Tag(name = "admin", description = "Outbox rows the relay parked, and putting them back in line"),
            @Tag(name = "stations", description = "The liaison stations suggestions may be posted for"),
            @Tag(name = "internal", description = "For the tagging service only, with the service token")
        })
// bearer first: Quarkus gives the operations that need a role the first scheme the document declares.
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from the platform's issuer; locally: deploy/token --role admin")
@SecurityScheme(securitySchemeName = IntakeApiDocument.SERVICE_TOKEN, type = SecuritySchemeType.HTTP,
        scheme = "bearer", description = "The service token intake and tagging share (not a person's JWT)")
public class IntakeApiDocument extends Application {

    static final String SERVICE_TOKEN = "serviceToken";
}
