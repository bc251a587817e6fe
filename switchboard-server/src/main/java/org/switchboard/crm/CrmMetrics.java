package org.switchboard.crm;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every call into the CRM adapter ({@code switchboard.crm.calls}, by adapter, operation and outcome), whichever
 * adapter is configured: a screen pop waits on {@code findByPhone}, a call log on {@code create}.
 */
@Configuration(proxyBeanMethods = false)
class CrmMetrics {

	@Bean
	static BeanPostProcessor timedCrmRecords(ObjectProvider<MeterRegistry> meters, Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof CrmRecords)) {
					return bean;
				}
				String adapter = environment.getProperty("switchboard.crm", "embedded");
				ProxyFactory proxy = new ProxyFactory(bean);
				proxy.setInterfaces(CrmRecords.class);
				proxy.setProxyTargetClass(false);
				proxy.addAdvice((MethodInterceptor) invocation -> {
					Timer.Sample sample = Timer.start(meters.getObject());
					String outcome = "error";
					try {
						Object result = invocation.proceed();
						outcome = "ok";
						return result;
					}
					finally {
						sample.stop(Timer.builder("switchboard.crm.calls")
							.description("Calls into the CRM adapter, by operation")
							.tags("adapter", adapter, "operation", invocation.getMethod().getName(), "outcome", outcome)
							.register(meters.getObject()));
					}
				});
				return proxy.getProxy(CrmMetrics.class.getClassLoader());
			}
		};
	}
}
