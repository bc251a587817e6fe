package org.switchboard.webex;

/** A message attachment as Webex serves it: the bytes, their media type and the file name Webex gives. */
public record WebexContent(byte[] bytes, String contentType, String fileName) {
}
