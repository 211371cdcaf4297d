package org.loftmail.features.impl;

import java.util.List;

/**
 * A named set of bundles, described by {@code features/NAME.feature}: what {@code protocols = NAME}
 * or {@code mail_plugins = NAME} turns on.
 *
 * @param name        the feature's name, as the configuration spells it
 * @param description one line for operators
 * @param bundles     symbolic names of the bundles it needs, in start order
 * @param requires    other features it needs
 */
record Feature(String name, String description, List<String> bundles, List<String> requires) {
}
