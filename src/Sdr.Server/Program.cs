Console.WriteLine("sdr");
