global using Mconf.Conformance.Runner.Tests.Support;
