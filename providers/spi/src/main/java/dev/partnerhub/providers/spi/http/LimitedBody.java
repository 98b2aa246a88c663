package dev.partnerhub.providers.spi.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A reply body read as UTF-8 text, up to a size: a reply larger than any the API sends (a runaway list, a proxy's
 * download) is cut off and fails as {@link TooLarge} instead of filling the operator's memory.
 */
final class LimitedBody implements HttpResponse.BodyHandler<String> {

    /** The failure of a reply larger than the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the reply is larger than " + limit + " bytes");
        }
    }

    private final long limit;

    LimitedBody(long limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
        return new Counting(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), limit);
    }

    private static final class Counting implements HttpResponse.BodySubscriber<String> {

        private final HttpResponse.BodySubscriber<String> text;
        private final long limit;
        private Flow.Subscription subscription;
        private long received;
        private boolean failed;

        Counting(HttpResponse.BodySubscriber<String> text, long limit) {
            this.text = text;
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return text.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            text.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (failed) {
                return;
            }
            received += buffers.stream().mapToLong(ByteBuffer::remaining).sum();
            if (received > limit) {
                failed = true;
                subscription.cancel();
                text.onError(new TooLarge(limit));
                return;
            }
            text.onNext(buffers);
        }

        @Override
        public void onError(Throwable error) {
            if (!failed) {
                text.onError(error);
            }
        }

        @Override
        public void onComplete() {
            if (!failed) {
                text.onComplete();
            }
        }
    }
}
