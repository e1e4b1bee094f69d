global using Mconf.Conformance.Configuration;
global using Mconf.Conformance.Runner.Tests.Support;
