package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.switchboard.platform.web.PublicEndpoint;
import org.switchboard.support.H2Memory;

/** Every handler of ours declares who may call it, so no endpoint is open by accident. */
@SpringBootTest(properties = "switchboard.demo.enabled=false")
class EveryEndpointChecksAccessTests {

	private static final Set<Class<? extends Annotation>> DECLARATIONS = Set.of(WebexAdminOnly.class,
			WebexUserOnly.class, ImportAdminOnly.class, SignedInOnly.class, PublicEndpoint.class);

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
	}

	@Test
	void everyHandlerDeclaresExactlyOneAccessRule() {
		Map<RequestMappingInfo, HandlerMethod> handlers = mappings.getHandlerMethods();
		List<String> undeclared = handlers.values().stream()
			.filter(h -> h.getBeanType().getPackageName().startsWith("org.switchboard"))
			.filter(h -> declarations(h) != 1)
			.map(h -> h.getBeanType().getSimpleName() + "." + h.getMethod().getName())
			.toList();

		assertThat(handlers.values()).anyMatch(h -> h.getBeanType().getPackageName().startsWith("org.switchboard"));
		assertThat(undeclared).as("handlers without exactly one access annotation").isEmpty();
	}

	private static long declarations(HandlerMethod handler) {
		return DECLARATIONS.stream()
			.filter(a -> AnnotatedElementUtils.hasAnnotation(handler.getMethod(), a)
					|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), a))
			.count();
	}
}
