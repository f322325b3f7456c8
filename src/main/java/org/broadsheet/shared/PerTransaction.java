package org.broadsheet.shared;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One synchronization per transaction and key, however often a transaction asks for it.
 * Spring walks every registered synchronization at each savepoint, so registering one per
 * event or per file makes a long import (one transaction, a savepoint per item)
 * quadratic. The object is found again through a transaction resource (O(1)), follows
 * suspension and resumption, and is dropped when the transaction completes.
 */
public final class PerTransaction {

	private PerTransaction() {
	}

	/**
	 * @param key identifies the synchronization, e.g. the bean that owns it
	 * @param create makes it, the first time this transaction asks
	 * @return this transaction's synchronization for {@code key}, registered with the
	 * transaction; empty outside a transaction (no synchronization is active)
	 */
	public static <T extends TransactionSynchronization> Optional<T> get(Object key, Supplier<T> create) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return Optional.empty();
		}
		@SuppressWarnings("unchecked")
		T existing = (T) TransactionSynchronizationManager.getResource(key);
		if (existing != null) {
			return Optional.of(existing);
		}
		T created = create.get();
		TransactionSynchronizationManager.bindResource(key, created);
		TransactionSynchronizationManager.registerSynchronization(new Bound(key, created));
		return Optional.of(created);
	}

	/**
	 * Delegates to the synchronization and keeps its resource binding in step with the
	 * transaction.
	 */
	private record Bound(Object key, TransactionSynchronization target) implements TransactionSynchronization {

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResourceIfPossible(key);
			target.suspend();
		}

		@Override
		public void resume() {
			target.resume();
			TransactionSynchronizationManager.bindResource(key, target);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			target.beforeCommit(readOnly);
		}

		@Override
		public void afterCommit() {
			target.afterCommit();
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(key);
			target.afterCompletion(status);
		}

	}

}
