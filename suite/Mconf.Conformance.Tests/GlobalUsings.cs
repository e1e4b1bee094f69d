global using Mconf.Conformance.Model;
global using Mconf.Conformance.TestTargets;
global using Mconf.Conformance.Tests.Support;
global using Mconf.Mock;
global using Mconf.Spec.Cases;
global using Mconf.Spec.Model;
global using Mconf.Spec.Signing;
