package org.switchboard.messaging.messages;

import java.util.Map;
import java.util.Set;

import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.switchboard.platform.names.ApiNames;

/**
 * Message content as HTML that is safe to insert into a page: markdown rendered by commonmark with raw HTML escaped
 * (never passed through), links limited to http, https and mailto and opened in a new tab without a referrer, and
 * images shown as links so that a message cannot make the browser load anything. Plain text is escaped.
 */
@Component
public class MessageHtml {

	private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

	private final Parser parser = Parser.builder().build();
	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new WebLinksOnly())
		.attributeProviderFactory(context -> (node, tag, attributes) -> {
			if (node instanceof Link || node instanceof Image) {
				attributes.put("rel", "nofollow noopener noreferrer");
				attributes.put("target", "_blank");
			}
		})
		.nodeRendererFactory(ImageAsLink::new)
		.build();

	public String markdown(String markdown) {
		return renderer.render(parser.parse(markdown));
	}

	public String text(String text) {
		return "<p>" + HtmlUtils.htmlEscape(text).replace("\n", "<br>") + "</p>";
	}

	/** Keeps web and mail links; anything else (javascript:, data:, vbscript:, relative paths) becomes an empty link. */
	private static final class WebLinksOnly implements UrlSanitizer {

		@Override
		public String sanitizeLinkUrl(String url) {
			String trimmed = url.strip();
			int colon = trimmed.indexOf(':');
			String scheme = colon > 0 ? ApiNames.asciiLowerCase(trimmed.substring(0, colon)) : "";
			return SCHEMES.contains(scheme) ? trimmed : "";
		}

		@Override
		public String sanitizeImageUrl(String url) {
			return sanitizeLinkUrl(url);
		}
	}

	/** Renders {@code ![alt](url)} as a link to the image rather than loading it. */
	private static final class ImageAsLink implements NodeRenderer {

		private final HtmlNodeRendererContext context;
		private final HtmlWriter html;

		ImageAsLink(HtmlNodeRendererContext context) {
			this.context = context;
			this.html = context.getWriter();
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(Image.class);
		}

		@Override
		public void render(Node node) {
			Image image = (Image) node;
			String url = context.encodeUrl(context.urlSanitizer().sanitizeImageUrl(image.getDestination()));
			html.tag("a", context.extendAttributes(node, "a", new java.util.LinkedHashMap<>(Map.of("href", url))));
			for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
				context.render(child);
			}
			if (node.getFirstChild() == null) {
				html.text("image");
			}
			html.tag("/a");
		}
	}
}
