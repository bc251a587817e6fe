package org.switchboard.calling.calls;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to a dial: the call, and the extension the number carried ("x123", "ext. 123"), which Webex call
 * control cannot key in after the far end answers, so the user is told to key it in on their phone (null: none).
 */
public record Dialled(@JsonUnwrapped CallView call, String extensionNotDialled) {
}
