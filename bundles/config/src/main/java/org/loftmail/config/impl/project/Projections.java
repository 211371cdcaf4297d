package org.loftmail.config.impl.project;

import org.loftmail.config.impl.catalogue.Catalogue;
import org.loftmail.config.impl.model.EffectiveSection;

/** Turns a valid configuration into the ConfigAdmin configurations of docs/configadmin.md. */
public final class Projections {

    private Projections() {
    }

    public static Projection of(EffectiveSection root, Catalogue catalogue, Environment environment) {
        TopLevel top = new TopLevel(root, catalogue);
        return new Projection(
                new ListenerProjection(top, catalogue, environment).project(),
                new TlsProjection(top, environment).project(),
                new FeaturesProjection(top, environment).project(),
                new NamespaceProjection(top).addTo(
                        new AuthProjection(top).addTo(new SettingsProjection(top, environment).project())));
    }
}
