// Each test class starts its own hosts; WebApplicationFactory finds the app's host through a process-wide
// diagnostic event while the host is built, and the fake FHIR server builds hosts too. Running the classes
// one after the other keeps every factory on its own host. Concurrency is tested inside the tests, with
// many parallel calls on one running service.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
