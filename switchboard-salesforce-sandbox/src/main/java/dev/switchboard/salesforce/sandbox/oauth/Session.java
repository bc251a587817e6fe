package dev.switchboard.salesforce.sandbox.oauth;

/** Who an access token acts for. */
public record Session(String userId, String refreshToken) {
}
