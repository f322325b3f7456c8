package org.broadsheet.fediverse.signature;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.broadsheet.fediverse.signature.FetchFailed.Reason;

/**
 * A response body read into memory up to a limit: past it the stream is cancelled (the
 * connection closed) and the body fails with {@link FetchFailed} TOO_LARGE, so a peer
 * cannot make this server buffer more than the limit, whatever {@code Content-Length}
 * says.
 */
final class LimitedBody implements BodySubscriber<byte[]> {

	private final long limit;

	private final long declared;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private Flow.Subscription subscription;

	/**
	 * @param limit the most bytes accepted
	 * @param declared the response's {@code Content-Length}, or -1
	 */
	LimitedBody(long limit, long declared) {
		this.limit = limit;
		this.declared = declared;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (declared > limit) {
			subscription.cancel();
			result.completeExceptionally(
					new FetchFailed(Reason.TOO_LARGE, "Content-Length " + declared + " is over " + limit + " bytes"));
			return;
		}
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		if (result.isDone()) {
			return;
		}
		for (ByteBuffer item : items) {
			if (bytes.size() + (long) item.remaining() > limit) {
				subscription.cancel();
				result.completeExceptionally(new FetchFailed(Reason.TOO_LARGE, "the body is over " + limit + " bytes"));
				return;
			}
			byte[] chunk = new byte[item.remaining()];
			item.get(chunk);
			bytes.writeBytes(chunk);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		result.complete(bytes.toByteArray());
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return result;
	}

}
