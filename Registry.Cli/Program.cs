using EventContracts.Cli;

return await Evc.RunAsync(args);
