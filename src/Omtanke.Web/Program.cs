await Omtanke.Web.Hosting.OmtankeWebHost.RunAsync(args);
