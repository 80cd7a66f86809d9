"""The start-up hook (sitecustomize) of client processes driven by the e2e tests."""
