package org.switchboard.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.switchboard.crm.CrmRecords;
import org.switchboard.webex.WebexClient;

/**
 * Records every call the server makes through the CRM port and the Webex client, with whether a database transaction
 * was open on the calling thread at that moment. Import it into a test whose CRM is remote (Salesforce): there every
 * such call crosses the network, so none may run inside a transaction.
 */
public final class RemoteCalls {

	/** One call: the port's method, and whether the caller had a transaction open. */
	public record Call(String port, String method, boolean inTransaction, String thread) {
	}

	/** A slow remote answer: the held call waits inside the port until the test releases it. */
	public static final class Hold {

		private final CountDownLatch entered = new CountDownLatch(1);
		private final CountDownLatch released = new CountDownLatch(1);

		public void awaitEntered() throws InterruptedException {
			if (!entered.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The held call was never made");
			}
		}

		public void release() {
			released.countDown();
		}

		void hold() throws InterruptedException {
			entered.countDown();
			released.await(60, TimeUnit.SECONDS);
		}
	}

	private final List<Call> calls = new CopyOnWriteArrayList<>();
	private final Map<String, Hold> holds = new ConcurrentHashMap<>();
	private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();

	public void clear() {
		calls.clear();
	}

	/** The next call of this method fails with {@code failure}, as a CRM or Webex that is down would. */
	public void failNext(String method, RuntimeException failure) {
		failures.put(method, failure);
	}

	/** The next call of this method waits inside the port, as a slow CRM or Webex would, until released. */
	public Hold holdNext(String method) {
		Hold hold = new Hold();
		holds.put(method, hold);
		return hold;
	}

	/** The calls of this method (of either port) so far. */
	public List<Call> of(String method) {
		return calls.stream().filter(c -> c.method().equals(method)).toList();
	}

	/** The calls of this method that ran inside a transaction: empty when the rule holds. */
	public List<Call> inTransaction(String method) {
		return of(method).stream().filter(Call::inTransaction).toList();
	}

	Object record(String port, Object target) {
		ProxyFactory proxy = new ProxyFactory(target);
		proxy.setProxyTargetClass(target instanceof WebexClient);
		proxy.addAdvice((MethodInterceptor) invocation -> {
			calls.add(new Call(port, invocation.getMethod().getName(), TransactionSynchronizationManager.isActualTransactionActive(),
					Thread.currentThread().getName()));
			Hold hold = holds.remove(invocation.getMethod().getName());
			if (hold != null) {
				hold.hold();
			}
			RuntimeException failure = failures.remove(invocation.getMethod().getName());
			if (failure != null) {
				throw failure;
			}
			return invocation.proceed();
		});
		return proxy.getProxy(target.getClass().getClassLoader());
	}

	/** Wraps the CRM port and the Webex client beans. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Recording {

		@Bean
		static RemoteCalls remoteCalls() {
			return new RemoteCalls();
		}

		@Bean
		static BeanPostProcessor recordRemoteCalls(org.springframework.beans.factory.ObjectProvider<RemoteCalls> calls) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof CrmRecords) {
						return calls.getObject().record("crm", bean);
					}
					if (bean instanceof WebexClient) {
						return calls.getObject().record("webex", bean);
					}
					return bean;
				}
			};
		}
	}
}
