package io.socketdeck.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the jar's manifest carries (Maven's project version), or "development" from classes. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"socketdeck " + (version == null ? "development" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
