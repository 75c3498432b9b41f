package org.peerpay;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Spring Modulith's view of the modules: no cycles, and no module reaches into another's internals. */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PeerPayApplication.class);

    @Test
    void modulesDependOnEachOthersApisOnlyAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
