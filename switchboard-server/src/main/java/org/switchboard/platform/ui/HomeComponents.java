package org.switchboard.platform.ui;

import java.util.List;

/** Contributes components to the signed-in user's home page. */
public interface HomeComponents {

	List<HomeComponent> componentsFor(String userId);
}
